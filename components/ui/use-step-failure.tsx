"use client";

import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

/**
 * Progress and failure of a client-side operation in steps (open a key store, sign, send): `fail(code)`
 * ends it and moves focus to the message, every time, even when the same error repeats.
 */
export function useStepFailure<Step extends string>() {
  const [step, setStep] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped on every failure, so focus moves to the message even when the same error repeats.
  const [failures, setFailures] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failures > 0) errorRef.current?.focus();
  }, [failures]);

  function fail(code: string) {
    setStep(null);
    setError(code);
    setFailures((n) => n + 1);
  }

  return { step, setStep, error, setError, fail, errorRef };
}

/** The message of `useStepFailure`: an alert that takes focus (give it the hook's `errorRef`). */
export function FailureMessage({ id, errorRef, children }: { id: string; errorRef: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  return (
    <div ref={errorRef} id={id} role="alert" tabIndex={-1} className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900 focus:outline-2 focus:outline-red-700">
      {children}
    </div>
  );
}
