package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 19, item 14: {@code parley node token} makes an operator token and the hash node.yaml keeps. */
class NodeTokenCommandTest {
    private static final Pattern TOKEN = Pattern.compile("token: (\\S+)");
    private static final Pattern YAML =
            Pattern.compile("\"(sha256:[0-9a-f]{64})\": \\{ operator: alice, role: ADMIN }");

    @Test
    void token_newToken_printsTokenAndTheYamlLineWithItsSha256() throws Exception {
        CliRun run = CliRun.of("node", "token", "--operator", "alice", "--role", "ADMIN");

        assertThat(run.code()).as(run.err()).isZero();
        Matcher token = TOKEN.matcher(run.out());
        Matcher yaml = YAML.matcher(run.out());
        assertThat(token.find()).as(run.out()).isTrue();
        assertThat(yaml.find()).as(run.out()).isTrue();
        assertThat(token.group(1)).hasSizeGreaterThanOrEqualTo(32);
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(token.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(yaml.group(1)).isEqualTo("sha256:" + expected);
        CliRun again = CliRun.of("node", "token", "--operator", "alice", "--role", "ADMIN");
        assertThat(again.out()).doesNotContain(token.group(1));
    }

    @Test
    void token_unknownRole_usageError() {
        CliRun run = CliRun.of("node", "token", "--operator", "alice", "--role", "KING");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("KING");
    }
}
