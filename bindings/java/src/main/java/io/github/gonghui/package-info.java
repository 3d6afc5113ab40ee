/**
 * gonghui for Java: the Jiangxi trade unions' '1269' special action as code, over the C ABI
 * through JNA.
 *
 * <p>One JSON request in, one JSON answer out, byte for byte the answers of the Rust core, the
 * C ABI, the command line and the JavaScript package: {@link io.github.gonghui.Gonghui} under the
 * published policy, {@link io.github.gonghui.Policy} under a policy file of one's own (or the
 * published one), refused with a {@link io.github.gonghui.PolicyException} when the file has a
 * problem.
 */
package io.github.gonghui;
