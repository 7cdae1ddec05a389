import { Menu, type MenuItemConstructorOptions } from 'electron';

/** A small Spanish menu; no developer tools in a packaged build. */
export function installMenu(isDev: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Caja', submenu: [{ role: 'quit', label: 'Salir' }] },
    {
      label: 'Editar',
      submenu: [
        { role: 'undo', label: 'Deshacer' },
        { role: 'redo', label: 'Rehacer' },
        { type: 'separator' },
        { role: 'cut', label: 'Cortar' },
        { role: 'copy', label: 'Copiar' },
        { role: 'paste', label: 'Pegar' },
        { role: 'selectAll', label: 'Seleccionar todo' },
      ],
    },
    {
      label: 'Ver',
      submenu: [
        { role: 'resetZoom', label: 'Tamaño normal' },
        { role: 'zoomIn', label: 'Agrandar' },
        { role: 'zoomOut', label: 'Achicar' },
        { role: 'togglefullscreen', label: 'Pantalla completa' },
        ...(isDev ? ([{ role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]) : []),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
