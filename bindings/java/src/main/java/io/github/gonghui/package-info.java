/**
 * gonghui for Java: the Jiangxi trade unions' '1269' special action as code, over the C ABI
 * through JNA.
 *
 * <p>Everything goes through {@link io.github.gonghui.Gonghui}: one JSON request in, one JSON
 * answer out, byte for byte the answers of the Rust core, the C ABI, the command line and the
 * JavaScript package.
 */
package io.github.gonghui;
