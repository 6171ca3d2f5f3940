package org.parley.cli.dialogue;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parley.cli.operator.OperatorClient;
import org.parley.dialogue.channel.ChannelNotice;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.dialogue.channel.NoticeReply;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley dialogue notice suspend|resume|status}: channel notices in the local ledger file.
 * SAFETY and LINKTEST cannot be suspended (docs/decisions.md, decision 5); such a notice is refused, exit 1.
 */
@Command(
        name = "notice",
        mixinStandardHelpOptions = true,
        description = "Suspend or resume DIALOGUE/ROUTINE by a channel notice, or show what is suspended.")
final class DialogueNoticeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    DialogueCommand parent;

    @Parameters(index = "0", description = "suspend, resume or status")
    String action = "status";

    @Option(
            names = "--category",
            split = ",",
            description = "Categories to name (default: every suspendable one, DIALOGUE and ROUTINE).")
    List<Category> categories = List.of();

    @Option(names = "--reason", defaultValue = "", description = "Why; required for suspend and resume.")
    String reason = "";

    @Option(names = "--effective", defaultValue = "", description = "Effective time, ISO-8601 UTC (default now).")
    String effective = "";

    @Override
    public Integer call() {
        if (parent.node.isPresent()) {
            return remote();
        }
        PrintWriter out = parent.spec.commandLine().getOut();
        ChannelPolicy policy = parent.channels();
        Instant now = parent.clock().instant();
        Instant at = effective.isEmpty() ? now : DialogueCommand.parseInstant(effective, "--effective");
        Payload.ChannelNotice.Action kind = switch (action) {
            case "suspend" -> Payload.ChannelNotice.Action.SUSPEND;
            case "resume" -> Payload.ChannelNotice.Action.RESUME;
            case "status" -> {
                out.println("suspended at " + at + ": " + policy.suspendedAt(at)
                        + "; SAFETY and LINKTEST are never suspended");
                yield null;
            }
            default ->
                throw new CommandLine.ParameterException(
                        parent.spec.commandLine(), "notice: expected suspend, resume or status, not '" + action + "'");
        };
        if (kind == null) {
            return 0;
        }
        Set<Category> named = categories.isEmpty() ? ChannelPolicy.SUSPENDABLE : EnumSet.copyOf(categories);
        NoticeReply reply = policy.apply(new ChannelNotice(
                EnvelopeId.generate(parent.clock(), parent.random()), parent.self(), kind, named, reason, at, now));
        return switch (reply) {
            case NoticeReply.Applied applied -> {
                out.println(applied.message());
                yield 0;
            }
            case NoticeReply.Refused refused -> {
                parent.spec.commandLine().getErr().println("parley dialogue: refused: " + refused.message());
                yield 1;
            }
        };
    }

    /** Through the node: a signed notice to the other party, effective now or at --effective. */
    private int remote() {
        if (action.equals("status")) {
            return parent.remote(
                    api -> api.get("api/v1/channel-notices"),
                    n -> "suspended now: " + n.path("suspended") + "; SAFETY and LINKTEST are never suspended");
        }
        if (!action.equals("suspend") && !action.equals("resume")) {
            throw new CommandLine.ParameterException(
                    parent.spec.commandLine(), "notice: expected suspend, resume or status, not '" + action + "'");
        }
        com.fasterxml.jackson.databind.node.ObjectNode body =
                OperatorClient.json().createObjectNode();
        body.put("action", action.toUpperCase(java.util.Locale.ROOT)).put("reason", reason);
        if (!effective.isEmpty()) {
            body.put(
                    "effectiveAt",
                    DialogueCommand.parseInstant(effective, "--effective").toString());
        }
        (categories.isEmpty() ? ChannelPolicy.SUSPENDABLE : EnumSet.copyOf(categories))
                .stream()
                        .map(Category::name)
                        .sorted()
                        .forEach(c -> body.withArray("categories").add(c));
        return parent.remote(
                api -> api.post("api/v1/channel-notices", body),
                answer -> action + " notice sent to the other party as signed envelope "
                        + answer.path("id").asText() + "; SAFETY and LINKTEST remain open");
    }
}
