"""The Agenda tab: the table, its delegates and the commands that add, delete and move items."""
