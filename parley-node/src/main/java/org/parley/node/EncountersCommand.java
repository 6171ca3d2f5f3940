package org.parley.node;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley encounters}: Replay feeds through the encounter watch. */
@Command(
        name = "encounters",
        mixinStandardHelpOptions = true,
        description = "Replay feeds through the encounter watch.")
final class EncountersCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("parley encounters: not available in this build yet.");
        return 1;
    }
}
