package io.factorgraph.runtime.registry;

import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.SinkFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The functions a {@code .fg} file may call, keyed case-insensitively. Immutable; build one with
 * {@link #load()} from the class path or with {@link #of} from explicit libraries (tests, embedding).
 */
public final class FunctionRegistry {
    private final Map<String, FunctionDefinition> byKey;
    private final Map<String, String> libraryOfKey;

    private FunctionRegistry(Map<String, FunctionDefinition> byKey, Map<String, String> libraryOfKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.libraryOfKey = Collections.unmodifiableMap(libraryOfKey);
    }

    /** Every {@link FunctionLibrary} on the class path of this class's loader. */
    public static FunctionRegistry load() {
        return load(FunctionRegistry.class.getClassLoader());
    }

    public static FunctionRegistry load(ClassLoader loader) {
        List<FunctionLibrary> libraries = new ArrayList<>();
        for (FunctionLibrary library : ServiceLoader.load(FunctionLibrary.class, loader)) {
            libraries.add(library);
        }
        return of(libraries);
    }

    /**
     * @throws IllegalArgumentException when two libraries define the same function name, naming
     *     both, because silently picking one would change a graph's meaning with the class path
     */
    public static FunctionRegistry of(Collection<? extends FunctionLibrary> libraries) {
        Map<String, FunctionDefinition> byKey = new TreeMap<>();
        Map<String, String> libraryOfKey = new TreeMap<>();
        for (FunctionLibrary library : libraries) {
            for (FunctionDefinition function : library.functions()) {
                checkShape(function, library);
                String key = function.signature().key();
                String previous = libraryOfKey.putIfAbsent(key, library.name());
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "function '" + function.signature().name() + "' is defined by both library '" + previous
                                    + "' and library '" + library.name() + "'");
                }
                byKey.put(key, function);
            }
        }
        return new FunctionRegistry(byKey, libraryOfKey);
    }

    /**
     * A node computes a stream and a sink gives none, and the compiler relies on it: a definition that says
     * otherwise is refused when its library is loaded, not when a file first calls it.
     */
    private static void checkShape(FunctionDefinition function, FunctionLibrary library) {
        String problem =
                switch (function) {
                    case NodeFunction node
                    when node.signature().isSink() ->
                        "is a node function but its signature returns nothing; a sink is a SinkFunction";
                    case SinkFunction sink
                    when !sink.signature().equals(sink.declaration().signature()) ->
                        "is a sink whose signature differs from the one its declaration makes";
                    default -> null;
                };
        if (problem != null) {
            throw new IllegalArgumentException(
                    "function '" + function.signature().name() + "' of library '" + library.name() + "' " + problem);
        }
    }

    public Optional<FunctionDefinition> find(String name) {
        return Optional.ofNullable(byKey.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every function, sorted by name. */
    public Collection<FunctionDefinition> functions() {
        return byKey.values();
    }

    public Optional<String> libraryOf(String name) {
        return Optional.ofNullable(libraryOfKey.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public int size() {
        return byKey.size();
    }
}
