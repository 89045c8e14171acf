/**
 * What the gateway hands the playground page (as JSON in the HTML), shared by the server
 * (`playground.routes.ts`) and the browser code (`client/`).
 */
export interface PlaygroundTab {
  /** File in schema/operations the tab comes from, e.g. `reference-customers.graphql`. */
  source: string;
  query: string;
  /** JSON text of the variables, with every required variable present. */
  variables: string;
}

export interface PlaygroundPageConfig {
  /** Shown in the GraphiQL logo slot and the page title. */
  gatewayName: string;
  /** Path of the GraphQL endpoint on the same origin, e.g. `/graphql`. */
  graphqlPath: string;
  /** Path the bundle's assets are served under, e.g. `/playground/assets`. */
  assetsPath: string;
  /** JSON text of the request headers every tab starts with (the sandbox caller key when there is one). */
  headers: string;
  tabs: PlaygroundTab[];
  /** Base path of the sandbox controls, or null with real providers. */
  sandboxPath: string | null;
}

/** id of the `<script type="application/json">` element that carries the config. */
export const PLAYGROUND_CONFIG_ELEMENT_ID = 'playground-config';
