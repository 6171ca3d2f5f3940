package org.parley.node.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.store.Store;
import org.parley.wire.Category;

class MessageServiceTest {
    @Test
    void needsAck_everyCategory_agreesWithTheSetTheStoreListsAndRewatches() {
        for (Category category : Category.values()) {
            assertThat(MessageService.needsAck(category))
                    .as(category.name())
                    .isEqualTo(Store.ACKNOWLEDGEABLE.contains(category));
        }
    }
}
