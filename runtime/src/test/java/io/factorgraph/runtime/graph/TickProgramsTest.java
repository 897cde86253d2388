package io.factorgraph.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generated tick class against the interpreted loop, on the test library's nodes. */
class TickProgramsTest {
    /** A chain of {@code n} definitions mixing the library's functions, over two inputs. */
    private static String chain(int n) {
        StringBuilder sb = new StringBuilder("input x: double\ninput y: double\ns0 = add(x, y)\n");
        String[] functions = {"add", "sub", "mul", "div"};
        for (int i = 1; i < n; i++) {
            String a = "s" + (i - 1);
            String b = i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : "s" + (i / 2);
            switch (i % 6) {
                case 4 ->
                    sb.append('s')
                            .append(i)
                            .append(" = sumof(")
                            .append(a)
                            .append(", ")
                            .append(1 + i % 7)
                            .append(")\n");
                case 5 -> sb.append('s').append(i).append(" = neg(").append(a).append(")\n");
                default ->
                    sb.append('s')
                            .append(i)
                            .append(" = ")
                            .append(functions[i % 4])
                            .append('(')
                            .append(a)
                            .append(", ")
                            .append(b)
                            .append(")\n");
            }
        }
        return sb.toString();
    }

    @Test
    void generatedAndInterpretedTicksAreBitIdentical() {
        // 300 nodes: five generated parts, the last one partial.
        CompiledGraph graph =
                FgCompiler.standard().compile("chain.fg", chain(300)).orElseThrow();
        GraphInstance generated = graph.newInstance(Execution.GENERATED);
        GraphInstance interpreted = graph.newInstance(Execution.INTERPRETED);
        assertEquals(Execution.GENERATED, generated.execution());
        assertEquals(Execution.INTERPRETED, interpreted.execution());
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 2_000; t++) {
            double x = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble(-2, 2);
            double y = random.nextDouble(0.5, 1.5);
            for (GraphInstance instance : new GraphInstance[] {generated, interpreted}) {
                instance.set(graph.input("x"), x);
                instance.set(graph.input("y"), y);
                instance.onTick(t);
            }
            // Bit for bit, except that any NaN equals any NaN: Java leaves a NaN's sign and payload to
            // the hardware (x86 makes 0xfff8... for inf - inf, Double.NaN is 0x7ff8...), and the same
            // node can make either depending on whether the JIT has compiled it yet.
            for (OutputHandle output : graph.outputs()) {
                assertEquals(
                        Double.doubleToLongBits(interpreted.value(output)),
                        Double.doubleToLongBits(generated.value(output)),
                        output.name() + " at tick " + t);
            }
        }
        assertEquals(interpreted.tickCount(), generated.tickCount());
    }

    @Test
    void aGraphWithoutFunctionNodesTicks() {
        CompiledGraph graph = FgCompiler.standard()
                .compile("id.fg", "input x: double\noutput x")
                .orElseThrow();
        GraphInstance instance = graph.newInstance(Execution.GENERATED);
        instance.set(graph.input("x"), 3.0);
        instance.onTick(0);
        assertEquals(3.0, instance.value(graph.output("x")));
        assertEquals(0, instance.nodeCount());
    }

    @Test
    void instancesOfOneGraphShareOneGeneratedClass() {
        CompiledGraph graph =
                FgCompiler.standard().compile("chain.fg", chain(10)).orElseThrow();
        Class<?> first = programClass(graph.newInstance(Execution.GENERATED));
        assertEquals(first, programClass(graph.newInstance(Execution.GENERATED)));
        assertTrue(first.isHidden(), "a hidden class, unloaded with its graph");
        CompiledGraph other =
                FgCompiler.standard().compile("chain.fg", chain(10)).orElseThrow();
        assertTrue(
                first != programClass(other.newInstance(Execution.GENERATED)),
                "another graph gets its own class, so its call sites profile its own nodes");
    }

    @Test
    void noGeneratedMethodIsTooLargeForTheJit() {
        ClassModel model = ClassFile.of().parse(TickPrograms.classBytes(10_000));
        int parts = 0;
        for (MethodModel method : model.methods()) {
            int size = method.findAttribute(java.lang.classfile.Attributes.code())
                    .map(CodeAttribute::codeLength)
                    .orElse(0);
            assertTrue(
                    size < 8_000,
                    method.methodName() + " has " + size + " bytes of code; HotSpot compiles " + "nothing over 8,000");
            parts += method.methodName().stringValue().startsWith("part") ? 1 : 0;
        }
        assertEquals((10_000 + TickPrograms.NODES_PER_PART - 1) / TickPrograms.NODES_PER_PART, parts);
    }

    private static Class<?> programClass(GraphInstance instance) {
        try {
            java.lang.reflect.Field field = GraphInstance.class.getDeclaredField("program");
            field.setAccessible(true);
            return field.get(instance).getClass();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
