package io.factorgraph.runtime.graph;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PRIVATE;
import static java.lang.classfile.ClassFile.ACC_STATIC;
import static java.lang.classfile.ClassFile.ACC_SUPER;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import io.factorgraph.runtime.spi.Node;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Generates, per compiled graph, a {@link TickProgram} class whose {@code run()} calls each node from a
 * call site of its own:
 *
 * <pre>{@code
 * final class GeneratedTick extends TickProgram {
 *     private final Node[] nodes;
 *     void run() { Node[] n = nodes; part0(n); part1(n); ... }
 *     private static void part0(Node[] n) { n[0].update(); n[1].update(); ... n[63].update(); }
 *     ...
 * }
 * }</pre>
 *
 * <p>Why: the interpreted loop {@code for (Node n : nodes) n.update()} has one call site, which sees
 * every node class of the graph, so the JIT can only make a megamorphic virtual call per node and
 * inline none of them. Here every site sees one class for all instances of the graph (the node at that
 * position), its type profile is monomorphic, and C2 inlines the node's {@code update()} behind a
 * one-compare class guard, so a tick compiles into one stretch of code much like a hand-fused loop.
 * Only the public {@link Node} type is referenced, so nodes from any package or library qualify.
 *
 * <p>The calls are split into parts of {@value #NODES_PER_PART} so that no method exceeds the JIT's
 * size limits (HotSpot does not compile methods over 8,000 bytecodes) however large the graph. The
 * class is a hidden class, unloaded with the {@link CompiledGraph} that made it.
 */
final class TickPrograms {
    /** Node calls per generated method: each is 8 bytes of bytecode, well under inlining budgets. */
    static final int NODES_PER_PART = 64;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final ClassDesc CD_NODE = ClassDesc.of(Node.class.getName());
    private static final ClassDesc CD_NODES = CD_NODE.arrayType();
    private static final ClassDesc CD_PROGRAM = ClassDesc.of(TickProgram.class.getName());
    private static final ClassDesc CD_GENERATED = ClassDesc.of(TickPrograms.class.getPackageName() + ".GeneratedTick");
    private static final MethodTypeDesc MTD_NODES = MethodTypeDesc.of(CD_void, CD_NODES);

    private TickPrograms() {}

    /** A factory of programs for graphs of {@code nodeCount} nodes: {@code (Node[]) -> TickProgram}. */
    static MethodHandle generate(int nodeCount) throws ReflectiveOperationException {
        byte[] bytes = classBytes(nodeCount);
        MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
        return hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class, Node[].class))
                .asType(MethodType.methodType(TickProgram.class, Node[].class));
    }

    static byte[] classBytes(int nodeCount) {
        final int parts = (nodeCount + NODES_PER_PART - 1) / NODES_PER_PART;
        return ClassFile.of().build(CD_GENERATED, cls -> {
            cls.withFlags(ACC_FINAL | ACC_SUPER);
            cls.withSuperclass(CD_PROGRAM);
            cls.withField("nodes", CD_NODES, ACC_PRIVATE | ACC_FINAL);
            cls.withMethodBody(INIT_NAME, MTD_NODES, 0, code -> code.aload(0)
                    .invokespecial(CD_PROGRAM, INIT_NAME, MTD_void)
                    .aload(0)
                    .aload(1)
                    .putfield(CD_GENERATED, "nodes", CD_NODES)
                    .return_());
            cls.withMethodBody("run", MTD_void, ACC_FINAL, code -> {
                code.aload(0).getfield(CD_GENERATED, "nodes", CD_NODES).astore(1);
                for (int p = 0; p < parts; p++) {
                    code.aload(1).invokestatic(CD_GENERATED, "part" + p, MTD_NODES);
                }
                code.return_();
            });
            for (int p = 0; p < parts; p++) {
                final int from = p * NODES_PER_PART;
                final int to = Math.min(nodeCount, from + NODES_PER_PART);
                cls.withMethodBody("part" + p, MTD_NODES, ACC_PRIVATE | ACC_STATIC, code -> {
                    for (int i = from; i < to; i++) {
                        code.aload(0).loadConstant(i).aaload().invokevirtual(CD_NODE, "update", MTD_void);
                    }
                    code.return_();
                });
            }
        });
    }
}
