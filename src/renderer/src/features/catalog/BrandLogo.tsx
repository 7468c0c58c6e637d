import { useEffect, useState } from 'react';
import type { LogoResult } from '../../../../shared/contract/catalog.ts';
import { useCatalog } from './catalog-store.ts';

/** The brand's logo as main fetched and cached it (the renderer never loads a remote image), else its initials. */
export function BrandLogo({ brandId, name, initials }: { brandId: string; name: string; initials: string }) {
  const [logo, setLogo] = useState<{ brandId: string; result: LogoResult | null } | null>(null);
  useEffect(() => {
    let current = true;
    void useCatalog
      .getState()
      .logo(brandId)
      .then((result) => {
        if (current) setLogo({ brandId, result });
      });
    return () => {
      current = false;
    };
  }, [brandId]);
  const shown = logo?.brandId === brandId ? logo.result : null;
  if (shown && 'dataUrl' in shown)
    return <img className="brand-logo" src={shown.dataUrl} alt={`${name} logo`} width={56} height={56} />;
  return (
    <span className="brand-logo brand-logo--initials" role="img" aria-label={`${name} (no logo)`}>
      {shown && 'initials' in shown ? shown.initials : initials}
    </span>
  );
}
