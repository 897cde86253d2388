package io.factorgraph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg live driver}: a standalone media driver. */
@Command(
        name = "driver",
        mixinStandardHelpOptions = true,
        description = {
            "A standalone Aeron media driver for the live processes of this host (until SIGTERM). 4 MiB "
                    + "terms, clients dropped after 2 s of silence; one shared thread that backs off, or dedicated "
                    + "busy-spinning threads with --idle busy-spin."
        })
final class LiveDriverCommand implements Callable<Integer> {
    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "Where (default: Aeron's, /dev/shm/aeron-USER).")
    String aeronDir;

    @Option(
            names = "--idle",
            paramLabel = "backoff|sleep|yield|busy-spin",
            defaultValue = "backoff",
            description = "How the driver waits. Default: ${DEFAULT-VALUE}.")
    io.factorgraph.live.transport.IdleMode idle;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>();
        LiveTransportOptions.put(args, "aeron-dir", aeronDir);
        LiveTransportOptions.put(args, "idle", idle.displayName());
        return LiveProcesses.run(spec, () -> LiveProcesses.runRole("driver", args));
    }
}
