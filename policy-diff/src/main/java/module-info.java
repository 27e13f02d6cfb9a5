/**
 * policysmith diff: the semantic diff of policies, the containment checks of IAM Access Analyzer
 * and the structural diff. The symbolic engine ({@code dev.policysmith.diff.engine}) is not
 * exported: no API signature names one of its types ({@code Change} keeps its boxes private).
 */
module dev.policysmith.diff {
  requires transitive dev.policysmith.model;
  // dk.brics.automaton 1.11-8, the artifact's last release, has neither a module-info nor an
  // Automatic-Module-Name, so its module name comes from the file name: "automaton" for
  // automaton-1.11-8.jar as Maven and Gradle name it (the compiler plugin warns about this). The
  // alternative, no module-info and an Automatic-Module-Name, would export the engine to every
  // reader; a release of automaton that named itself would need a policysmith release.
  requires automaton;
  requires static org.jspecify;

  exports dev.policysmith.diff;
}
