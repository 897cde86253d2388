/**
 * factorgraph's own event file ({@code .fgev}, described in {@link io.factorgraph.runtime.data.fgev.EventFile}):
 * hftbacktest's 64-byte events behind a small header, written by {@code fg convert} and replayed as a binary scan.
 */
package io.factorgraph.runtime.data.fgev;
