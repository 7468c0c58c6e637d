import { NotBuiltYet, type AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { WelcomeBlock } from '../profiles/WelcomeBlock.tsx';

/** The start page. No dashboard yet: it says so, with the first-start welcome above the notice. */
export function DashboardPage(props: AreaPageProps) {
  return (
    <NotBuiltYet {...props}>
      <WelcomeBlock />
    </NotBuiltYet>
  );
}
