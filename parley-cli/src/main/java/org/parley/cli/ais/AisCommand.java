package org.parley.cli.ais;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley ais}: Decode AIS NMEA feeds (ITU-R M.1371-5). */
@Command(
        name = "ais",
        mixinStandardHelpOptions = true,
        description = "Decode AIS NMEA feeds (ITU-R M.1371-5).",
        subcommands = {AisDecodeCommand.class})
public final class AisCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
