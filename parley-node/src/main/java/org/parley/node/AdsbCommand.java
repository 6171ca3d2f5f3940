package org.parley.node;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley adsb}: Decode Mode S / ADS-B receiver feeds. */
@Command(name = "adsb", mixinStandardHelpOptions = true, description = "Decode Mode S / ADS-B receiver feeds.")
final class AdsbCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("parley adsb: not available in this build yet.");
        return 1;
    }
}
