import { useEffect } from "react";

export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · newsgraph` : "newsgraph reader";
  }, [title]);
}
