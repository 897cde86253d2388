package io.factorgraph.runtime.graph;

import com.google.common.graph.EndpointPair;
import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.plan.PlanNode;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.guava.ImmutableGraphAdapter;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/** Writes a plan as Graphviz DOT: inputs as boxes, constants plain, outputs doubled, the sink a house. */
final class DotExport {
    private DotExport() {}

    /** Graph attributes are written as they are, so a value with punctuation must carry its quotes. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String toDot(Plan plan) {
        DOTExporter<PlanNode, EndpointPair<PlanNode>> exporter = new DOTExporter<>(node -> "n" + node.id());
        exporter.setGraphIdProvider(() -> "factorgraph");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("rankdir", DefaultAttribute.createAttribute("LR"));
            attributes.put(
                    "label",
                    DefaultAttribute.createAttribute(quoted(plan.source().name())));
            return attributes;
        });
        exporter.setVertexAttributeProvider(node -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            List<String> names = plan.namesOf(node);
            String label = node instanceof PlanNode.Input || names.isEmpty()
                    ? node.label()
                    : String.join(", ", names) + "\\n" + node.label();
            attributes.put("label", DefaultAttribute.createAttribute(label));
            boolean output = plan.outputs().stream().anyMatch(o -> o.node().equals(node));
            String shape =
                    switch (node) {
                        case PlanNode.Input input -> "box";
                        case PlanNode.ConstantValue constant -> "plaintext";
                        case PlanNode.Sink sink -> "house";
                        case PlanNode.Function function -> output ? "doubleoctagon" : "ellipse";
                    };
            attributes.put("shape", DefaultAttribute.createAttribute(shape));
            return attributes;
        });
        StringWriter writer = new StringWriter();
        exporter.exportGraph(new ImmutableGraphAdapter<>(plan.graph()), writer);
        return writer.toString();
    }
}
