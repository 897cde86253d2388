package io.factorgraph.cli;

import picocli.CommandLine;

/** {@code fg --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Fg.class.getPackage().getImplementationVersion();
        return new String[] {
            "fg " + (version == null ? "development build" : version) + " (Java " + Runtime.version() + ")"
        };
    }
}
