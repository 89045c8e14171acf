import 'graphiql/style.css';
import './playground.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { PLAYGROUND_CONFIG_ELEMENT_ID, type PlaygroundPageConfig } from '../page-config.js';
import { sandboxControlsPlugin } from './sandbox-panel.js';

/**
 * The playground page: GraphiQL 5 against the gateway's own `/graphql`, one tab per file of
 * schema/operations, the sandbox caller key in the headers, and (sandbox mode) a "Sandbox" sidebar
 * with the controls of `/sandbox`. Every asset, Monaco's workers included, comes from this origin.
 */
const config = JSON.parse(document.getElementById(PLAYGROUND_CONFIG_ELEMENT_ID)?.textContent ?? '{}') as PlaygroundPageConfig;

const workerFiles: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(`${config.assetsPath}/${workerFiles[label] ?? 'editor.worker.js'}`, { name: label });
  },
};

const fetcher = createGraphiQLFetcher({ url: new URL(config.graphqlPath, window.location.href).toString() });
const plugins = config.sandboxPath ? [sandboxControlsPlugin(config.sandboxPath, config.headers)] : [];
document.title = `${config.gatewayName} — GraphiQL`;

const container = document.getElementById('playground');
if (container) {
  createRoot(container).render(
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={config.tabs.map((tab) => ({ query: tab.query, variables: tab.variables, headers: config.headers }))}
      defaultHeaders={config.headers}
      defaultEditorToolsVisibility="headers"
      plugins={plugins}
    >
      <GraphiQL.Logo>
        <span className="playground-name">{config.gatewayName}</span>
      </GraphiQL.Logo>
    </GraphiQL>,
  );
}
