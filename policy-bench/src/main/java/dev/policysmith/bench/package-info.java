/**
 * JMH benchmarks of policysmith, each measured beside its peers in the same run: raw Jackson
 * streaming (the floor no JSON reader can beat) and the AWS SDK for Java v2 {@code
 * iam-policy-builder}. Not part of the library; run it with {@code policy-bench/run.sh}.
 *
 * @see <a href="https://github.com/openjdk/jmh">JMH</a>
 */
@NullMarked
package dev.policysmith.bench;

import org.jspecify.annotations.NullMarked;
