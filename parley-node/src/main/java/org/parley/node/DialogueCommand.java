package org.parley.node;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley dialogue}: Requests for talks, answers and statistics. */
@Command(
        name = "dialogue",
        mixinStandardHelpOptions = true,
        description = "Requests for talks, answers and statistics.")
final class DialogueCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("parley dialogue: not available in this build yet.");
        return 1;
    }
}
