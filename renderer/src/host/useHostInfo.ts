// The host's kind and what it says about itself (version, data and log folders), asked once per component.
import { useEffect, useState } from 'react';
import { getHost, type HostInfo, type HostKind } from './host';

export interface HostState {
  kind: HostKind;
  /** undefined while asking, null when the host could not say. */
  info: HostInfo | null | undefined;
}

export function useHostInfo(): HostState {
  const [host] = useState(getHost);
  const [info, setInfo] = useState<HostInfo | null>();
  useEffect(() => {
    let live = true;
    host.appInfo().then(
      (i) => live && setInfo(i),
      () => live && setInfo(null),
    );
    return () => {
      live = false;
    };
  }, [host]);
  return { kind: host.kind, info };
}
