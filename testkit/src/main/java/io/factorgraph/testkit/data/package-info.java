/**
 * Where tests find the recorded market data: {@link io.factorgraph.testkit.data.RecordedData} resolves
 * {@code ../shared/data} beside the repository, or the directory in the system property {@code factorgraph.data.dir}.
 *
 * <p>Data is never copied into the project, and a test that needs a file it cannot find fails, naming where it looked;
 * it is never skipped, so a build cannot pass without having run against the real data. One class, so that every
 * module's real-data tests look in the same place the same way.
 */
package io.factorgraph.testkit.data;
