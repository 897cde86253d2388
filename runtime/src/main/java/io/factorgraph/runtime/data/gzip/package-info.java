/**
 * Inflating recorded gzip feeds fast: {@link io.factorgraph.runtime.data.gzip.WholeGzip} through the system's
 * libdeflate when it is there, the JDK's streaming inflater otherwise, with the same bytes either way.
 */
package io.factorgraph.runtime.data.gzip;
