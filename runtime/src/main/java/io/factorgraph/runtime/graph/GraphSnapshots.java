package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The snapshot file format (docs/DESIGN.md §13), version {@value #FORMAT_VERSION}. Big-endian throughout:
 *
 * <pre>
 * int    magic 'FGST'
 * int    format version
 * long   total length of the file in bytes, checksum included (tells a truncated file from a corrupted one)
 * long   the graph's fingerprint (functions, constants, wiring, books, outputs, clock; see {@link #fingerprint})
 * string the source's name (for messages only)
 * int    parameter count, then each: string name, string value as the file would write it
 * int    node count, then each node's label in run order (inputs, functions with their constants, sinks), the
 *        outputs and the clock: for messages only, to name what differs when the fingerprint does
 * ...    the instance's state ({@link GraphInstance#saveState})
 * int    section count, then each: string name, int version, int length, bytes (what a driver carries besides the
 *        graph: the replay's clock phase and feeds' sync state, {@link io.factorgraph.runtime.state.SnapshotSection})
 * long   CRC-32C of every byte before it
 * </pre>
 *
 * <p>Reading checks, in this order, each with a one-line {@link SnapshotException}: the magic, the version, the
 * length, the checksum, the parameters (naming the first that differs and both values), then the fingerprint. The
 * parameters come before the fingerprint because a different value changes the plan's constants too, and "param
 * window is 60 in the snapshot, 120 here" is the message the user can act on.
 */
final class GraphSnapshots {
    static final int MAGIC = 0x46475354;
    /** 2: sections after the graph's state; version 1 files (graph state only) are refused as older. */
    static final int FORMAT_VERSION = 2;
    /** Magic, version, length, fingerprint. */
    private static final int HEADER = 4 + 4 + 8 + 8;

    private GraphSnapshots() {}

    /** Writes the header; the caller then writes the state and calls {@link #finish}. */
    static void writeHeader(StateWriter out, Plan plan) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeLong(0L); // the length, patched by finish
        out.writeLong(fingerprint(plan));
        out.writeString(plan.source().name());
        out.writeInt(plan.params().size());
        for (Map.Entry<String, Constant> param : plan.params().entrySet()) {
            out.writeString(param.getKey());
            out.writeString(param.getValue().toString());
        }
        List<String> labels = labels(plan);
        out.writeInt(labels.size());
        labels.forEach(out::writeString);
    }

    /** What {@link #fingerprint} covers, one line per node, output and the clock, as a person reads it. */
    static List<String> labels(Plan plan) {
        List<String> labels = new ArrayList<>();
        for (PlanNode node : plan.order()) {
            if (!(node instanceof PlanNode.ConstantValue)) {
                labels.add(node.label());
            }
        }
        plan.outputs().forEach(o -> labels.add("output " + o.name()));
        labels.add(
                plan.clockNanos().isPresent()
                        ? "clock every " + plan.clockNanos().getAsLong() + " ns"
                        : "no clock");
        return labels;
    }

    /**
     * The first difference between two label lists, as a clause: "node 3 is X in the snapshot but Y here", led by the
     * node counts when they differ.
     */
    private static String difference(List<String> saved, List<String> here) {
        long savedNodes = saved.stream().filter(GraphSnapshots::isNode).count();
        long hereNodes = here.stream().filter(GraphSnapshots::isNode).count();
        String counts = savedNodes == hereNodes
                ? ""
                : "the snapshot's graph has " + savedNodes + " nodes, this one " + hereNodes + "; first difference: ";
        int common = Math.min(saved.size(), here.size());
        for (int i = 0; i < common; i++) {
            if (!saved.get(i).equals(here.get(i))) {
                String what = isNode(saved.get(i)) && isNode(here.get(i)) ? "node " + (i + 1) + " is " : "";
                return counts + what + saved.get(i) + " in the snapshot but " + here.get(i) + " here";
            }
        }
        return counts.isEmpty() ? "their wiring or constants differ" : counts.substring(0, counts.indexOf(";"));
    }

    private static boolean isNode(String label) {
        return !label.startsWith("output ") && !label.startsWith("clock every ") && !label.equals("no clock");
    }

    /** The file's bytes: the length patched in and the checksum appended. */
    static byte[] finish(StateWriter out) {
        byte[] body = out.toByteArray();
        long total = body.length + 8L;
        for (int i = 0; i < 8; i++) {
            body[8 + i] = (byte) (total >>> (56 - 8 * i));
        }
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] bytes = java.util.Arrays.copyOf(body, body.length + 8);
        long sum = crc.getValue();
        for (int i = 0; i < 8; i++) {
            bytes[body.length + i] = (byte) (sum >>> (56 - 8 * i));
        }
        return bytes;
    }

    /**
     * Checks everything but the state and returns a reader positioned at the state, its end before the checksum.
     *
     * @param what names the snapshot in messages (its file)
     */
    static StateReader open(byte[] bytes, Plan plan, String what) {
        if (bytes.length < 8) {
            throw new SnapshotException(what + ": truncated snapshot: " + bytes.length + " bytes, not even a header");
        }
        StateReader header = new StateReader(bytes, 0, bytes.length, what);
        if (header.readInt() != MAGIC) {
            throw new SnapshotException(what + ": not a factorgraph state snapshot (no 'FGST' magic at its start)");
        }
        int version = header.readInt();
        if (version != FORMAT_VERSION) {
            throw new SnapshotException(what + ": snapshot format version " + version + " is "
                    + (version > FORMAT_VERSION ? "newer" : "older") + " than the version " + FORMAT_VERSION
                    + " this build reads; take the snapshot again with this build");
        }
        if (bytes.length < HEADER + 8) {
            throw new SnapshotException(what + ": truncated snapshot: " + bytes.length + " bytes");
        }
        long total = header.readLong();
        if (total != bytes.length) {
            throw new SnapshotException(
                    what + (total > bytes.length ? ": truncated snapshot: " : ": corrupted snapshot: ") + bytes.length
                            + " bytes where its header says " + total);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = new StateReader(bytes, bytes.length - 8, bytes.length, what).readLong();
        if (stored != crc.getValue()) {
            throw new SnapshotException(what + ": corrupted snapshot: checksum mismatch (the file was changed or "
                    + "damaged after it was written)");
        }
        StateReader in = new StateReader(bytes, HEADER - 8, bytes.length - 8, what);
        long fingerprint = in.readLong();
        String source = in.readString();
        int params = in.readLength(8);
        Map<String, String> saved = new TreeMap<>();
        for (int i = 0; i < params; i++) {
            saved.put(in.readString(), in.readString());
        }
        int labelCount = in.readLength(4);
        List<String> savedLabels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            savedLabels.add(in.readString());
        }
        for (Map.Entry<String, Constant> param : plan.params().entrySet()) {
            String was = saved.get(param.getKey());
            String now = param.getValue().toString();
            if (was == null) {
                throw new SnapshotException(what + ": the snapshot has no param " + param.getKey()
                        + " (this graph sets " + now + "): it was taken from another graph");
            }
            if (!was.equals(now)) {
                throw new SnapshotException(what + ": param " + param.getKey() + " is " + was + " in the snapshot but "
                        + now + " here; restore with the same parameter values");
            }
        }
        for (String name : saved.keySet()) {
            if (!plan.params().containsKey(name)) {
                throw new SnapshotException(what + ": the snapshot has param " + name + " = " + saved.get(name)
                        + ", which this graph does not declare: it was taken from another graph");
            }
        }
        if (fingerprint != fingerprint(plan)) {
            throw new SnapshotException(what + ": snapshot of a different graph ('" + source + "', fingerprint "
                    + Long.toHexString(fingerprint) + ") than '" + plan.source().name() + "' (fingerprint "
                    + Long.toHexString(fingerprint(plan)) + "): " + difference(savedLabels, labels(plan)));
        }
        return in;
    }

    /**
     * A hash of what the state's layout and meaning depend on: every node in run order (kind, id, function,
     * inputs, constants, type), the sinks, the outputs and the clock. The source's name and text are not part of
     * it, so a renamed or reformatted file still restores.
     */
    static long fingerprint(Plan plan) {
        StringBuilder text = new StringBuilder();
        for (PlanNode node : plan.order()) {
            switch (node) {
                case PlanNode.Input input ->
                    text.append("in ")
                            .append(input.id())
                            .append(' ')
                            .append(input.name())
                            .append(' ')
                            .append(input.valueType());
                case PlanNode.ConstantValue constant ->
                    text.append("const ").append(constant.id()).append(' ').append(constant.value());
                case PlanNode.Function function ->
                    text.append("fn ")
                            .append(function.id())
                            .append(' ')
                            .append(function.function().signature().name())
                            .append(function.inputs())
                            .append(new TreeMap<>(function.constants()))
                            .append(' ')
                            .append(function.valueType());
                case PlanNode.Sink sink ->
                    text.append("sink ")
                            .append(sink.id())
                            .append(' ')
                            .append(sink.function().signature().name())
                            .append(sink.inputs())
                            .append(new TreeMap<>(sink.constants()));
            }
            text.append('\n');
        }
        plan.outputs().forEach(o -> text.append("out ")
                .append(o.name())
                .append(' ')
                .append(o.node().id())
                .append('\n'));
        text.append("clock ").append(plan.clockNanos());
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xffL);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
