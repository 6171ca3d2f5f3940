package org.parley.cli.ais;

import org.parley.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code parley ais}: Decode AIS NMEA feeds (ITU-R M.1371-5). */
@Command(
        name = "ais",
        mixinStandardHelpOptions = true,
        description = "Decode AIS NMEA feeds (ITU-R M.1371-5).",
        subcommands = {AisDecodeCommand.class})
public final class AisCommand extends GroupCommand {}
