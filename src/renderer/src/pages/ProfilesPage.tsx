export { ProfilesPage } from './profiles/ProfilesPage.tsx';
