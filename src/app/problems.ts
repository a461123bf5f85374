// A problem the user can fix by changing what they asked for (an unknown id, a path outside
// the workspace, a missing run): the CLI exits 2 with its one line; the editor shows it.
export class UsageProblem extends Error {
  override name = 'UsageProblem';
}
