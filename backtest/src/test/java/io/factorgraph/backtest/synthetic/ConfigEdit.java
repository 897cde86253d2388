package io.factorgraph.backtest.synthetic;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Copies of a {@link SyntheticMarket.Config} with some fields changed, through the canonical constructor. */
final class ConfigEdit {
    private ConfigEdit() {
    }

    /**
     * {@code config} with the named fields set (name, value, name, value, ...). Exceptions from the constructor
     * are rethrown as they are.
     */
    static SyntheticMarket.Config with(SyntheticMarket.Config config, Object... namesAndValues) {
        RecordComponent[] components = SyntheticMarket.Config.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getAccessor().invoke(config);
            }
            for (int k = 0; k < namesAndValues.length; k += 2) {
                String name = (String) namesAndValues[k];
                int i = indexOf(components, name);
                args[i] = namesAndValues[k + 1];
            }
            return SyntheticMarket.Config.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The names of the config's fields, in order. */
    static String[] fieldNames() {
        return Arrays.stream(SyntheticMarket.Config.class.getRecordComponents()).map(RecordComponent::getName)
                .toArray(String[]::new);
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no config field " + name);
    }
}
