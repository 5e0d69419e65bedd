import type { ReactNode } from "react";

type Props = {
  /** Id of the heading; the section is labelled by it. */
  id: string;
  title: ReactNode;
  /** Classes of the section; the default stacks its content. */
  className?: string;
  titleClassName?: string;
  children: ReactNode;
};

/** A page section labelled by its own h2 (a named region for screen readers). */
export function Section({ id, title, className, titleClassName, children }: Props) {
  return (
    <section aria-labelledby={id} className={className ?? "flex flex-col gap-3"}>
      <h2 id={id} className={titleClassName ?? "text-xl font-semibold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
