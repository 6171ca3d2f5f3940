package org.parley.node;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley keys}: Create and show party keys; pin the peer CA. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create and show party keys; pin the peer CA.")
final class KeysCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("parley keys: not available in this build yet.");
        return 1;
    }
}
