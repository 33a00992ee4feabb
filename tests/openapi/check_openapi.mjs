// The OpenAPI document of the JSON API: the real server's /api/openapi.json
// passes a real OpenAPI 3 validator (@seriousme/openapi-schema-validator,
// which checks against the official OpenAPI schemas and resolves every
// $ref), every path it names answers with JSON, and the same validator
// rejects a broken copy (so this test can fail).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startServer } from '../browser/harness.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

async function validate(doc) {
  // A fresh validator per document: it keeps the resolved specification.
  return new Validator().validate(structuredClone(doc));
}

test('the served OpenAPI document is valid and every path it names answers with JSON', async () => {
  const response = await fetch(server.url + '/api/openapi.json');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  const doc = await response.json();
  const result = await validate(doc);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.match(doc.openapi, /^3\./);
  assert.match(doc.servers[0].url, /^https?:\/\//, 'the server is the configured base URL');

  const services = await (await fetch(server.url + '/open311/v2/services.json')).json();
  assert.ok(services.length > 0, 'the demo has categories');
  const requests = await (await fetch(server.url + '/open311/v2/requests.json')).json();
  assert.ok(requests.length > 0, 'the demo has signals');
  const examples = {
    service_code: services[0].service_code,
    service_request_id: requests[0].service_request_id,
    token: 'geen-token',
  };
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!operations.get) continue;
    const url = path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(examples[name]));
    const answer = await fetch(server.url + url);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/, url);
    assert.ok(String(answer.status) in operations.get.responses, `${url}: ${answer.status} is documented`);
    JSON.parse(await answer.text());
  }
});

test('the validator rejects a broken document', async () => {
  const doc = await (await fetch(server.url + '/api/openapi.json')).json();
  const without_info = structuredClone(doc);
  delete without_info.info;
  assert.equal((await validate(without_info)).valid, false, 'a document without info');
  const dangling = structuredClone(doc);
  dangling.paths['/open311/v2/services.json'].get.responses['200'].content['application/json'].schema =
    { $ref: '#/components/schemas/DoesNotExist' };
  assert.equal((await validate(dangling)).valid, false, 'a $ref to nothing');
  const bad_type = structuredClone(doc);
  bad_type.components.schemas.Error.properties.code.type = 'text';
  assert.equal((await validate(bad_type)).valid, false, 'a type JSON Schema does not know');
});
