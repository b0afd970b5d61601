// An <img> showing a stored Blob: the object URL lives exactly as long as the image is on screen.
import { useEffect, useRef, type CSSProperties } from 'react';

interface Props {
  blob: Blob;
  alt: string;
  style?: CSSProperties;
  onClick?: () => void;
}

export function BlobImage({ blob, alt, style, onClick }: Readonly<Props>) {
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = ref.current;
    if (!img) return;
    // Set on the element rather than held in state: StrictMode's double effects then never show a revoked URL.
    let url: string;
    try {
      url = URL.createObjectURL(blob);
    } catch {
      // Not a Blob (a damaged row): the alt text stands in for the picture rather than the page failing.
      return;
    }
    img.src = url;
    return () => {
      img.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return <img ref={ref} alt={alt} style={style} onClick={onClick} />;
}
