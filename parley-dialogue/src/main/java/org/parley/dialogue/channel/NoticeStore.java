package org.parley.dialogue.channel;

import java.util.ArrayList;
import java.util.List;

/** Where accepted notices are kept, in the order they were accepted. */
interface NoticeStore {
    void append(ChannelNotice notice);

    List<ChannelNotice> all();

    /** For tests and single-process tools. */
    final class InMemory implements NoticeStore {
        private final List<ChannelNotice> notices = new ArrayList<>();

        @Override
        public synchronized void append(ChannelNotice notice) {
            notices.add(notice);
        }

        @Override
        public synchronized List<ChannelNotice> all() {
            return List.copyOf(notices);
        }
    }
}
