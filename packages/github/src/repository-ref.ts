/** A repository on GitHub, as Octokit's parameters name it. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}
