import { useNavigation } from '../app/navigation-store.ts';

/** A link-styled button that opens another page of the console (an empty state's way to get data). */
export function GoButton({
  area,
  children,
}: {
  area: 'calls' | 'orders' | 'webhooks' | 'profiles' | 'wallet';
  children: string;
}) {
  const goTo = useNavigation((state) => state.goTo);
  return (
    <button type="button" className="link-button" onClick={() => goTo(area)}>
      {children}
    </button>
  );
}
