// antd's InputNumber with its step arrows named in Chinese and left out of the accessibility tree.
import { InputNumber, type InputNumberProps } from 'antd';
import { useLayoutEffect, useRef, type ComponentRef } from 'react';

// rc-input-number names the arrows 「Increase Value」/「Decrease Value」 with no prop or locale string to change it, so a
// screen reader read a score cell as 「5 Increase Value Decrease Value」. Like the arrows of a native number box they are
// for the mouse: the box itself is a spinbutton that the ↑/↓ keys step, so they are hidden, and renamed in case.
const STEP_NAMES: Readonly<Record<string, string>> = { 'Increase Value': '增大', 'Decrease Value': '减小' };

export function NumberInput(props: Readonly<InputNumberProps<number>>) {
  const ref = useRef<ComponentRef<typeof InputNumber>>(null);
  // Every commit, cheaply: React writes these attributes only when mounting the arrows, never back over this.
  useLayoutEffect(() => {
    for (const step of ref.current?.nativeElement.querySelectorAll('[role="button"]') ?? []) {
      const name = STEP_NAMES[step.getAttribute('aria-label') ?? ''];
      if (name) step.setAttribute('aria-label', name);
      step.setAttribute('aria-hidden', 'true');
    }
  });
  return <InputNumber<number> ref={ref} {...props} />;
}
