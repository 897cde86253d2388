/**
 * The functions a {@code .fg} file may call, found on the class path, and the "did you mean" for names that are not
 * among them.
 *
 * <p>{@link io.factorgraph.runtime.registry.FunctionRegistry#load()} gathers every
 * {@link io.factorgraph.runtime.spi.FunctionLibrary} listed with {@link java.util.ServiceLoader}: this is what keeps
 * the arrow pointing one way (docs/DESIGN.md §2), since nothing in {@code runtime} knows a concrete node, and a jar
 * that adds a library (the standard one in {@code nodes-std}, a user's own as in {@code examples}) needs no change to
 * the compiler. Function names are matched case-insensitively ({@code OBI}, {@code obi}); a registry is immutable, and
 * {@link io.factorgraph.runtime.registry.FunctionRegistry#of} builds one from explicit libraries for tests and
 * embedding. {@link io.factorgraph.runtime.registry.Suggestions} picks the closest name by Damerau-Levenshtein
 * distance, only when it is close enough to be a typo.
 *
 * <p>Used by {@code io.factorgraph.runtime.compile} to resolve and check calls, and by {@code fg functions}.
 */
package io.factorgraph.runtime.registry;
