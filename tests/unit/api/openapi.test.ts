import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { API_OPERATIONS, apiSchemas, openApiDocument, ZPublicLicence, type ApiOperation } from "@/lib/integration/api";
import type { TPublicLicence } from "@/lib/cases/licences";
import type { TPaymentOverview } from "@/lib/cases/payments";
import type { TDocumentView } from "@/lib/cases/documents";
import { ZDocument, ZPaymentOverview } from "@/lib/integration/api";

type Doc = {
  paths: Record<
    string,
    Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as Doc;

  it("uses the registered zod schemas for every body and answer", () => {
    for (const op of Object.values(API_OPERATIONS) as ApiOperation[]) {
      const id = apiSchemas.get(op.response.schema)?.id;
      expect(id, op.operationId).toBeDefined();
      const documented = doc.paths[op.path]![op.method.toLowerCase()]!;
      expect(documented.operationId).toBe(op.operationId);
      expect(JSON.stringify(documented.responses[String(op.response.status)])).toContain(`#/components/schemas/${id}`);
      if (op.body) expect(Object.values(documented.requestBody!.content)[0]!.schema.$ref).toBe(`#/components/schemas/${apiSchemas.get(op.body.schema)!.id}`);
    }
  });

  it("describes instants as date-time strings and files as binary", () => {
    expect(doc.components.schemas.DateTime).toMatchObject({ type: "string", format: "date-time" });
    expect(doc.components.schemas.DocumentUploadRequest).toMatchObject({
      properties: { file: { type: "string", format: "binary" } },
      required: ["slotKey", "file"],
    });
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it("encodes Dates to ISO strings and drops keys a schema does not list", () => {
    const view = {
      id: "0b0d1c3e-5f7a-4b1c-8d2e-3f4a5b6c7d8e",
      applicationId: "x",
      slotKey: "s",
      fileName: "a.pdf",
      mimeType: "application/pdf",
      size: 1,
      sha256: "h",
      scanned: false,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    };
    expect(z.encode(ZDocument, view)).toEqual({
      id: view.id,
      slotKey: "s",
      fileName: "a.pdf",
      mimeType: "application/pdf",
      size: 1,
      sha256: "h",
      createdAt: "2026-01-01T00:00:00.000Z",
    });
  });

  it("its schemas fit the domain's read models (checked by the compiler)", () => {
    expectTypeOf<TPublicLicence>().toExtend<z.output<typeof ZPublicLicence>>();
    expectTypeOf<TPaymentOverview>().toExtend<z.output<typeof ZPaymentOverview>>();
    expectTypeOf<TDocumentView>().toExtend<z.output<typeof ZDocument>>();
  });
});
