// The server survives bad requests: a handler that throws is logged and answered with an empty
// result, commands with bad arguments get an error response, and the server keeps working.
import { describe, expect, it } from 'vitest';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, useSuiteClient, codes, seedText } from './harness';

let client: TestClient;
useSuiteClient((c) => (client = c));

describe('robustness', () => {
  it('malformed requests are answered with nothing, logged, and the server keeps working', async () => {
    const uri = 'untitled:robust';
    client.open(uri, seedText('000_27ba472c7186d65d.txt'));
    await client.diagnosticsForCurrent(uri);
    // position missing; context missing; range missing: the handlers throw inside.
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri } });
    expect(hover).toBeNull();
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null });
    expect(actions).toBeNull();
    const hints = await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri } });
    expect(hints).toBeNull();
    // Logged (window/logMessage arrives before the response it precedes).
    for (const h of ['hover', 'codeAction', 'inlayHint']) expect(client.logs.some((l) => l.startsWith(`${h} failed`)), h).toBe(true);
    // Requests about documents the server does not have.
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:nope' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(
      await client.connection.sendRequest(InlayHintRequest.type, {
        textDocument: { uri: 'untitled:nope' },
        range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      }),
    ).toBeNull();
    // A command without its argument is an InvalidParams error, not a crash.
    await expect(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'nianbao.server.fixAll', arguments: [] })).rejects.toThrow(/expected a document URI/);
    // Still alive and checking.
    const edited = client.replace(uri, `${seedText('000_27ba472c7186d65d.txt')}\n`);
    expect(codes(await client.diagnosticsForCurrent(uri))).toContain('total-blank');
    const ok = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.nianbao'] },
    });
    expect(ok?.length).toBe(1);
    expect(edited.version).toBe(2);
  });
});
