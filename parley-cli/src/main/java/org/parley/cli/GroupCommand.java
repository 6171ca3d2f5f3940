package org.parley.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code parley ais}, {@code parley keys}, …): run without
 * one, it prints its usage to stderr and exits with 2, as a command given wrong arguments does.
 */
public abstract class GroupCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
