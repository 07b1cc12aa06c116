import { AiSettings } from './ai-settings';
import { GeneralSettings } from './general-settings';
import './settings.css';

/** Settings: capture and appearance first, then the AI backends. */
export default function SettingsView() {
  return (
    <div className="pane-view settings-view">
      <GeneralSettings />
      <AiSettings />
    </div>
  );
}
