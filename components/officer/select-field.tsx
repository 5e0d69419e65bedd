import type { ComponentProps } from "react";
import { SelectField as FormSelectField } from "@/components/ui/select-field";

type Props = Omit<ComponentProps<typeof FormSelectField>, "placeholder"> & {
  /** Text of the empty option ("any"); omit for a required choice. */
  emptyLabel?: string;
};

/** A list filter's select: the form SelectField, with the empty choice named for filters. */
export function SelectField({ emptyLabel, ...rest }: Props) {
  return <FormSelectField {...rest} placeholder={emptyLabel} />;
}
