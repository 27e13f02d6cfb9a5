/**
 * policysmith testing: QuickTheories generators of policies and requests, and AssertJ assertions,
 * for property tests of code that reads, writes or transforms policies. Its API returns
 * QuickTheories {@code Gen} and AssertJ assert types, so both are required transitively.
 */
module dev.policysmith.testing {
  requires transitive dev.policysmith.model;
  requires transitive org.assertj.core;
  // QuickTheories 0.26, its last release, has neither a module-info nor an Automatic-Module-Name,
  // so its module name comes from the file name: "quicktheories" for quicktheories-0.26.jar as
  // Maven and Gradle name it (the compiler plugin warns about this).
  requires transitive quicktheories;
  requires static org.jspecify;

  exports dev.policysmith.testing;
}
