/** The quick-add field's id: the palette's "New task" puts the caret there. */
export const QUICK_ADD_ID = 'task-add-title';
