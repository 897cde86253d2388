/**
 * hftbacktest's {@code .npz} event files (a numpy structured array of 64-byte events): read as they are, so that
 * hftbacktest users' data works unchanged, and written for hftbacktest to load.
 */
package io.factorgraph.runtime.data.npz;
