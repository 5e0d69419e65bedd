import { randomBytes } from "node:crypto";
import forge from "node-forge";
import { signEncapsulated } from "../cms-sign";
import { DomainError } from "@/lib/platform/core";
import { encodeDer } from "../asn1-read";
import { OID } from "../oids";
import { PKI_FAILURE, PKI_STATUS, type TimeStampRequest, encodeTimeStampResponse, encodeTstInfo, parseTimeStampRequest } from "../tsp";
import { subjectNameNode } from "./certificate-builder";

/**
 * The sandbox time-stamping authority (RFC 3161), part of the sandbox CA: its certificate is issued
 * by the sandbox issuing CA (extendedKeyUsage id-kp-timeStamping, critical) and kept in the CA
 * state beside the CA keys. `respond` is the whole protocol: a DER TimeStampReq in, a DER
 * TimeStampResp out — granted with a token (TSTInfo: policy, random 128-bit serial, genTime with
 * milliseconds, accuracy 1 s, the nonce echoed, the TSA name; SignedData with ESS
 * signing-certificate-v2, the TSA and issuing CA certificates when certReq), or a rejection with
 * the RFC's failInfo. A real TSA is any other URL speaking the same protocol.
 */

/** TSA policy of the sandbox: under the enterprise number reserved for documentation (RFC 5612), never a real policy. */
export const SANDBOX_TSA_POLICY = "1.3.6.1.4.1.32473.3161.1";

const HASH_LENGTHS: Record<string, number> = { [OID.sha256]: 32, [OID.sha384]: 48, [OID.sha512]: 64 };

export type TsaCredentials = {
  certificatePem: string;
  privateKeyPem: string;
  /** Issuing CA certificates (PEM) sent with the token when the request asks for certificates. */
  chainPem: readonly string[];
};

export class SandboxTsa {
  private readonly certificate: forge.pki.Certificate;
  private readonly key: forge.pki.rsa.PrivateKey;
  private readonly chain: forge.pki.Certificate[];
  private readonly nameDer: Uint8Array;

  constructor(credentials: TsaCredentials, private readonly policy: string = SANDBOX_TSA_POLICY) {
    this.certificate = forge.pki.certificateFromPem(credentials.certificatePem, true);
    this.key = forge.pki.privateKeyFromPem(credentials.privateKeyPem) as forge.pki.rsa.PrivateKey;
    this.chain = credentials.chainPem.map((p) => forge.pki.certificateFromPem(p, true));
    this.nameDer = encodeDer(subjectNameNode(encodeDer(forge.pki.certificateToAsn1(this.certificate))));
  }

  /** The answer to a DER TimeStampReq at `now`; never throws for a bad request (it is a rejection). */
  respond(requestDer: Uint8Array, now: Date): Uint8Array {
    let request: TimeStampRequest;
    try {
      request = parseTimeStampRequest(requestDer);
    } catch (e) {
      if (e instanceof DomainError && e.code === "pki.timestamp_invalid") return reject(PKI_FAILURE.badDataFormat, "request is not a TimeStampReq v1");
      throw e;
    }
    const length = HASH_LENGTHS[request.imprint.hashOid];
    if (!length) return reject(PKI_FAILURE.badAlg, "hash algorithm not accepted (SHA-256/384/512)");
    if (request.imprint.hash.length !== length) return reject(PKI_FAILURE.badDataFormat, "hashed message length does not match the algorithm");
    if (request.policy && request.policy !== this.policy) return reject(PKI_FAILURE.unacceptedPolicy, "policy not supported");
    if (request.hasExtensions) return reject(PKI_FAILURE.unacceptedExtension, "extensions not supported");

    const tstInfo = encodeTstInfo({
      policy: this.policy,
      imprintDer: request.imprint.der,
      serial: randomBytes(16).toString("hex"),
      genTime: now,
      accuracy: { seconds: 1 },
      nonce: request.nonce,
      tsaNameDer: this.nameDer,
    });
    const token = signEncapsulated({
      key: this.key,
      certificate: this.certificate,
      chain: this.chain,
      content: tstInfo,
      contentType: OID.tstInfo,
      signingTime: now,
      withoutCertificates: !request.certReq,
    });
    return encodeTimeStampResponse({ status: PKI_STATUS.granted, token });
  }
}

function reject(failInfo: number, text: string): Uint8Array {
  return encodeTimeStampResponse({ status: PKI_STATUS.rejection, statusText: text, failInfo });
}
