// Placeholder page of a section not built yet: says so plainly and tells the user what it will hold.
import { Result, Typography } from 'antd';

interface Props {
  title: string;
  /** What the section will keep, in the user's words. */
  holds: string;
}

export function ComingSoon({ title, holds }: Readonly<Props>) {
  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        {title}
      </Typography.Title>
      <Result
        status="info"
        title="本功能将在后续版本提供"
        subTitle={<span style={{ display: 'inline-block', maxWidth: 640 }}>{holds}</span>}
      />
    </section>
  );
}
